import type { WebLabels } from '@ledger/i18n';

/** The copy-paste code of an embed: a plain iframe, with a title for screen readers. */
export function EmbedSnippet({ src, title, labels }: { src: string; title: string; labels: WebLabels }) {
  const code = `<iframe src="${src}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="420" style="border:0" loading="lazy"></iframe>`;
  return (
    <section aria-labelledby="embed-h" class="embed-code">
      <details>
        <summary>
          <h2 id="embed-h">{labels.embedHeading}</h2>
        </summary>
        <p id="embed-intro">{labels.embedIntro}</p>
        <label for="embed-snippet">{labels.embedSnippetLabel}</label>
        <textarea id="embed-snippet" readOnly rows={3} aria-describedby="embed-intro" value={code} />
      </details>
    </section>
  );
}
