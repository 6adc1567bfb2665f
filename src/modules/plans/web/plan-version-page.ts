import type { PlanDocument } from '../domain/plan-document.ts';
import { planView } from './plan-view-model.ts';

/** Everything the plan version page's template needs; shared by the route and the benchmark. */
export function planPageContext(caseId: string, document: PlanDocument) {
  const plan = planView(document);
  const base = `/cases/${caseId}/plan`;
  return {
    title: `EHC plan version ${plan.version} – ${plan.childName}`, plan, backLink: base,
    pdfHref: `${base}/versions/${plan.version}/plan.pdf`,
    compareHref: plan.version > 1 ? `${base}/compare?from=${plan.version - 1}&to=${plan.version}` : null,
  };
}

type PageContext = ReturnType<typeof planPageContext>;

/**
 * View models of issued versions, which never change (the database refuses it), so they are built
 * once per process. Drafts are never cached. A small LRU: the most recently read plans stay.
 */
export class IssuedPageCache {
  private readonly entries = new Map<string, PageContext>();
  constructor(private readonly max = 500) {}

  get(key: string): PageContext | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: PageContext): void {
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}
