/**
 * Where the meeting is on the projector: the presenter's step (the opening, then per area its key
 * figures, each question, obstacles and opportunities; engine presenterSteps), the blanked screen and
 * the help overlay. A clicker's ArrowRight/PageDown and ArrowLeft/PageUp call next() and previous().
 */
import { presenterSteps, type PresenterStep, type WorkshopAreaId } from '../engine/workshop';
import { WORKSHOP_AREAS } from '../strings/workshop.sv';

export class Presenter {
  readonly steps: readonly PresenterStep[] = presenterSteps();
  /** Index into steps; starts at the first area's figures. */
  index = $state(1);
  /** The screen is blanked (B or .): nothing shows until the next key. */
  blank = $state(false);
  /** The keys overlay (?) is open. */
  help = $state(false);
  readonly #onArea: (id: WorkshopAreaId) => void;

  /** `onArea` is told when a step moves into another area (the APT view follows it). */
  constructor(onArea: (id: WorkshopAreaId) => void = () => undefined) {
    this.#onArea = onArea;
  }

  get step(): PresenterStep {
    return this.steps[this.index];
  }

  /** The area of the current step (null on the opening). */
  get areaId(): WorkshopAreaId | null {
    const s = this.step;
    return s.kind === 'opening' ? null : s.areaId;
  }

  /** 1-based area number and, on a question, 1-based question number of how many. */
  get position(): { area: number; areas: number; question: number | null; questions: number } {
    const s = this.step;
    const areaIndex = s.kind === 'opening' ? -1 : WORKSHOP_AREAS.findIndex((a) => a.id === s.areaId);
    return {
      area: areaIndex + 1,
      areas: WORKSHOP_AREAS.length,
      question: s.kind === 'question' ? s.index + 1 : null,
      questions: areaIndex >= 0 ? WORKSHOP_AREAS[areaIndex].questions.length : 0,
    };
  }

  get atStart(): boolean {
    return this.index === 0;
  }

  get atEnd(): boolean {
    return this.index === this.steps.length - 1;
  }

  #go(index: number): boolean {
    const i = Math.max(0, Math.min(this.steps.length - 1, index));
    if (i === this.index) return false;
    const before = this.areaId;
    this.index = i;
    const after = this.areaId;
    if (after && after !== before) this.#onArea(after);
    return true;
  }

  next(): boolean {
    return this.#go(this.index + 1);
  }

  previous(): boolean {
    return this.#go(this.index - 1);
  }

  /** The area's first step (its key figures), unless the presenter is already inside that area. */
  enterArea(id: WorkshopAreaId): void {
    if (this.areaId === id) return;
    this.#go(this.steps.findIndex((s) => s.kind === 'intro' && s.areaId === id));
  }

  /** Jump to an area's first step. */
  goToArea(id: WorkshopAreaId): boolean {
    return this.#go(this.steps.findIndex((s) => s.kind === 'intro' && s.areaId === id));
  }

  toggleBlank(): void {
    this.blank = !this.blank;
  }
}
