import { describe, expect, it, vi } from 'vitest';
import { pickVisitorDisplay } from '../../../electron/main/visitorWindow';

vi.mock('electron', () => ({ app: {}, BrowserWindow: class {}, screen: {} }));

const display = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 } });

describe('visitor screen placement', () => {
  it('uses a display other than the clerk’s when there is one', () => {
    expect(pickVisitorDisplay([display(1, 0), display(2, 1920)], 1)).toEqual({ display: display(2, 1920), second: true });
    expect(pickVisitorDisplay([display(1, 0), display(2, 1920)], 2)).toEqual({ display: display(1, 0), second: true });
  });

  it('falls back to a window on the clerk’s only display', () => {
    expect(pickVisitorDisplay([display(1, 0)], 1)).toEqual({ display: display(1, 0), second: false });
  });
});
