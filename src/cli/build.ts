import { UsageError } from '../errors.js';

export async function runBuild(_options: unknown): Promise<void> {
  throw new UsageError('build is not available yet');
}
