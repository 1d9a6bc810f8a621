import { label, type Lang } from '../shared/i18n';

interface TaskLike {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly nameVi: string | null;
}

function firstWords(text: string, words: number): string {
  const parts = text.split(/\s+/).filter(Boolean);
  return parts.length > words ? `${parts.slice(0, words).join(' ')}…` : parts.join(' ');
}

/**
 * A label per task that tells it apart from the others: its code when no
 * other task has that code ("PL.II.2.b"); otherwise the code followed by the
 * first words of its name in `lang` ("V.2 · Hằng năm, khi xây dựng…"), with
 * more words until the labels differ (the plan numbers three duties "V.2").
 */
export function distinctTaskLabels(lang: Lang, tasks: readonly TaskLike[]): Map<string, string> {
  const byCode = new Map<string, TaskLike[]>();
  for (const task of tasks) byCode.set(task.code, [...(byCode.get(task.code) ?? []), task]);
  const labels = new Map<string, string>();
  for (const [code, group] of byCode) {
    const unique = [...new Map(group.map((task) => [task.id, task])).values()];
    if (unique.length === 1) {
      labels.set((unique[0] as TaskLike).id, code);
      continue;
    }
    let words = 3;
    let candidate = unique.map((task) => `${code} · ${firstWords(label(lang, task), words)}`);
    while (new Set(candidate).size < candidate.length && words < 40) {
      words += 2;
      candidate = unique.map((task) => `${code} · ${firstWords(label(lang, task), words)}`);
    }
    unique.forEach((task, i) => labels.set(task.id, new Set(candidate).size === candidate.length ? (candidate[i] as string) : `${code} (${i + 1})`));
  }
  return labels;
}
