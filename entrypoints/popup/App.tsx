export function App() {
  return <main><h1>Support Overlay</h1></main>;
}
