/**
 * Whether an element is on screen or within one screen's height of it — for work that only matters
 * when seen: a chart or a block of formulas below a 60-doctor grid need not be redrawn on every edit
 * (issue 13.6: commit → numbers within one frame). `onChange(true)` comes before the element can be
 * scrolled into view (the margin), and before printing, so what is seen or printed is never stale.
 * Without IntersectionObserver (tests, old browsers) an element is always near. Returns the cleanup.
 */
export function watchNearScreen(el: Element, onChange: (near: boolean) => void): () => void {
  if (typeof IntersectionObserver !== 'function') return () => {};
  const observer = new IntersectionObserver((entries) => onChange(entries.some((e) => e.isIntersecting)), { rootMargin: '100% 0px' });
  observer.observe(el);
  const beforePrint = () => onChange(true);
  window.addEventListener('beforeprint', beforePrint);
  return () => {
    observer.disconnect();
    window.removeEventListener('beforeprint', beforePrint);
  };
}
