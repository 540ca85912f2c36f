import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadConfig } from './config/parse-config';
import { initialAnswers } from './wizard/answers';
import { parseShareLink } from './wizard/share-link';
import './styles.css';

/** Start-up only: load the runtime configuration, read the shareable link, render. */
async function start() {
  const { config, problems } = await loadConfig();
  const link = parseShareLink(window.location.search);
  const answers = { ...initialAnswers(config), ...link.answers };
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App config={config} configProblems={problems} linkProblems={link.problems} initialAnswers={answers} />
    </StrictMode>,
  );
}

void start();
