import type { Api } from '../../shared/api/contract';

declare global {
  interface Window {
    api: Api;
  }
}
