import { round } from './measure.ts';

/** Startup of a fresh process, from its start until the app has answered a first `/talk`. */
export interface StartupFigures {
  readonly posts: number;
  /** From process start until the modules are loaded. */
  readonly importMs: number;
  /** Loading the content and building the Library. */
  readonly loadMs: number;
  /** Starting the stand-in and connecting the app to it over Socket Mode. */
  readonly connectMs: number;
  /** From process start until connected and able to answer. */
  readonly readyMs: number;
  /** The first `/talk` answer, after ready. */
  readonly firstAnswerMs: number;
}

/** Measures startup to ready; run it first thing in a fresh process (performance.now() counts from its start). */
export async function measureStartup(root: string): Promise<StartupFigures> {
  const [{ loadContent }, { Library }, { startLocal }] = await Promise.all([
    import('../src/content/load.ts'),
    import('../src/search/library.ts'),
    import('./slack-app.ts'),
  ]);
  const imported = performance.now();
  const library = new Library(await loadContent(root));
  const loaded = performance.now();
  const running = await startLocal(library);
  const ready = performance.now();
  try {
    const answered = new Promise<void>((resolve) => {
      const stop = running.slack.subscribe((event) => {
        if (event.type === 'message_added' && event.record.source === 'response_url') {
          stop();
          resolve();
        }
      });
    });
    await running.slack.slashCommand({ text: library.posts[0]?.title.split(' ')[0] ?? 'talk' });
    await answered;
    return {
      posts: library.posts.length,
      importMs: round(imported, 0),
      loadMs: round(loaded - imported, 0),
      connectMs: round(ready - loaded, 0),
      readyMs: round(ready, 0),
      firstAnswerMs: round(performance.now() - ready, 0),
    };
  } finally {
    await running.stop();
  }
}
