/** The frameworks the user's organisation takes part in (SPEC ROL-01): only active ones take cases. */
import type { Framework, FrameworkList } from '../../../contracts/frameworks.js';
import { api } from '../../app/api.js';

export async function fetchActiveFrameworks(signal?: AbortSignal): Promise<Framework[]> {
  const list = await api<FrameworkList>('GET', '/api/frameworks', signal ? { signal } : {});
  return list.frameworks.filter((framework) => framework.state === 'active');
}
