/**
 * An SVG document as a `data:` URL for an <img>: the CSP allows data: images but no inline
 * markup, and an <img> never runs the SVG's scripts, so the server's SVG is shown without
 * being put into the page's DOM.
 */
export function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
