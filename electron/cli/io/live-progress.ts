import type { DeployProgress, StackEvent } from '../../../shared/domain/deploy-events';
import { resourcesDone } from '../../../shared/logic/cloudformation-progress';
import { CLEAR_LINE, eventLine, progressLine, type Paint } from './deploy-report';
import type { CliIo } from './terminal';

/**
 * A run's events as they arrive. On a terminal each event is a line and the progress bar with the
 * elapsed time is redrawn in place below them (and ticks every second); in a pipe, or with --json
 * (where stdout is the JSON), it is one line per event, the progress at its end.
 */
export class LiveProgress {
  private readonly started = Date.now();
  private progress: DeployProgress | undefined;
  private readonly ticker: ReturnType<typeof setInterval> | undefined;
  private readonly inPlace: boolean;
  private stopped = false;

  constructor(
    private readonly io: CliIo,
    private readonly options: { json: boolean; look: Paint },
  ) {
    this.inPlace = io.stdoutIsTty === true && !options.json;
    if (this.inPlace) {
      this.ticker = setInterval(() => this.redraw(), 1000);
      this.ticker.unref();
    }
  }

  update(update: { events: StackEvent[]; progress: DeployProgress }): void {
    this.progress = update.progress;
    const write = this.options.json ? this.io.stderr : this.io.stdout;
    const counted = `  [${resourcesDone(update.progress)}/${update.progress.total}]`;
    const lines = update.events.map((event) => `${eventLine(event, this.options.look)}${this.inPlace ? '' : counted}\n`).join('');
    if (this.inPlace) write(`${CLEAR_LINE}${lines}`);
    else write(lines);
    this.redraw();
  }

  /** Ends the in-place line so what follows starts on its own; once is enough. */
  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    if (this.inPlace && this.progress && !this.stopped) this.io.stdout(`${CLEAR_LINE}`);
    this.stopped = true;
  }

  private redraw(): void {
    if (!this.inPlace || !this.progress || this.stopped) return;
    this.io.stdout(`${CLEAR_LINE}${progressLine(this.progress, Date.now() - this.started)}`);
  }
}
