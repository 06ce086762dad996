/**
 * npm run bench — the voice benchmark, then the chat benchmark, then every aim of issue 13 with its
 * figure and « met » or « MISSED ». Environment: as bench/voice.ts and bench/chat.ts.
 */
import { printAims } from './aims';
import { runChatBench } from './chat';
import { runVoiceBench } from './voice';

async function main(): Promise<void> {
  const voice = await runVoiceBench();
  console.log('');
  const chat = await runChatBench();
  printAims(`Aims (${new Date().toISOString().slice(0, 16)}Z)`, [...voice, ...chat]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
