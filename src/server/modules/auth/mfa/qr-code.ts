/** The otpauth:// URI as a QR code for the enrolment page: an SVG document, no image file to serve. */
import QRCode from 'qrcode';

export function qrCodeSvg(text: string): Promise<string> {
  // Level M (15 % recovery) is what authenticator apps read reliably from a screen.
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
