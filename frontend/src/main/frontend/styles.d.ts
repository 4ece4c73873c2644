// Style sheets imported by the canvas for their side effect.
declare module '*.css';
declare module '@xyflow/react/dist/style.css';
