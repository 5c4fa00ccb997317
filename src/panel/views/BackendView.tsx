export function BackendView() {
  return (
    <section>
      <h2>Backend</h2>
    </section>
  );
}
