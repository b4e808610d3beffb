import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans-tc/400.css';
import '@fontsource/noto-sans-tc/700.css';
import { App } from './app/App';

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
