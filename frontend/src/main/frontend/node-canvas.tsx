/*
 * The workflow canvas: React Flow wrapped as a Vaadin element. The server owns the workflow; this
 * element draws the graph it is given in the state "graph", keeps positions locally while the user
 * drags, and reports every change as one "canvas-edit" event, which the server applies and answers
 * with a new graph. The palette is drawn here too (state "palette"), so that a node dragged from it
 * lands where the pointer is released.
 */
import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import {
  ReactFlow,
  ReactFlowProvider,
  Background,
  Controls,
  MiniMap,
  Handle,
  Position,
  useReactFlow,
  applyNodeChanges,
  type Node,
  type Edge,
  type NodeChange,
  type Connection,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './node-canvas.css';
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

type GraphNode = {
  id: string;
  name: string;
  type: string;
  label: string;
  x: number;
  y: number;
  inputs: string[];
  outputs: string[];
  disabled: boolean;
  sticky: boolean;
  content?: string;
  width?: number;
  height?: number;
  status?: string;
  items?: string;
  problems?: string[];
  webhook?: boolean;
  json: Record<string, unknown>;
};

type GraphEdge = { source: string; output: number; target: string; input: number; label?: string };

type Graph = { nodes: GraphNode[]; edges: GraphEdge[]; readOnly: boolean; version: number };

type PaletteEntry = { type: string; label: string; category: string; description: string };

type Edit = Record<string, unknown> & { kind: string };

type NodeData = GraphNode & Record<string, unknown>;

const EMPTY: Graph = { nodes: [], edges: [], readOnly: false, version: 0 };

function WorkflowNodeView({ data, selected }: NodeProps<Node<NodeData>>) {
  const rows = Math.max(data.inputs.length, data.outputs.length, 1);
  const classes = ['sb-node'];
  if (selected) classes.push('sb-selected');
  if (data.disabled) classes.push('sb-disabled');
  if (data.status) classes.push('sb-status-' + data.status);
  if (data.problems && data.problems.length > 0) classes.push('sb-invalid');
  return (
    <div className={classes.join(' ')} style={{ minHeight: 24 + rows * 22 }} data-node={data.name} title={data.type}>
      {data.inputs.map((label, i) => (
        <Handle
          key={'in-' + i}
          id={'in-' + i}
          type="target"
          position={Position.Left}
          style={{ top: 24 + i * 22 }}
          className="sb-handle"
          data-port={'in-' + i}
          title={label || 'input'}
        />
      ))}
      <div className="sb-node-label">{data.name}</div>
      <div className="sb-node-type">{data.label}</div>
      {data.items ? <div className="sb-node-items">{data.items}</div> : null}
      {data.problems && data.problems.length > 0 ? (
        <div className="sb-node-problem" title={data.problems.join('\n')}>
          {data.problems[0]}
        </div>
      ) : null}
      {data.outputs.map((label, i) => (
        <div key={'out-' + i}>
          {label ? (
            <span className="sb-port-label" style={{ top: 16 + i * 22 }}>
              {label}
            </span>
          ) : null}
          <Handle
            id={'out-' + i}
            type="source"
            position={Position.Right}
            style={{ top: 24 + i * 22 }}
            className="sb-handle"
            data-port={'out-' + i}
            title={label || 'output'}
          />
        </div>
      ))}
    </div>
  );
}

function StickyNoteView({ data, selected }: NodeProps<Node<NodeData>>) {
  return (
    <div
      className={'sb-sticky' + (selected ? ' sb-selected' : '')}
      style={{ width: data.width ?? 240, height: data.height ?? 160 }}
      data-node={data.name}
    >
      {data.content || 'Double-click to write a note'}
    </div>
  );
}

const NODE_TYPES = { workflow: WorkflowNodeView, sticky: StickyNoteView };

function toFlowNode(n: GraphNode, selected: boolean, readOnly: boolean): Node<NodeData> {
  return {
    id: n.id,
    type: n.sticky ? 'sticky' : 'workflow',
    position: { x: n.x, y: n.y },
    data: n as NodeData,
    selected,
    draggable: !readOnly,
    connectable: !readOnly,
    deletable: !readOnly,
    zIndex: n.sticky ? -1 : 0,
  };
}

function edgeId(e: GraphEdge) {
  return e.source + ':' + e.output + '->' + e.target + ':' + e.input;
}

function toFlowEdge(e: GraphEdge, nodes: Map<string, GraphNode>): Edge {
  const source = nodes.get(e.source);
  const status = source?.status;
  return {
    id: edgeId(e),
    source: e.source,
    sourceHandle: 'out-' + e.output,
    target: e.target,
    targetHandle: 'in-' + e.input,
    label: e.label,
    className: status === 'success' ? 'sb-edge-done' : undefined,
  };
}

/** The selected nodes as n8n's clipboard JSON: the nodes and the connections among them. */
function clipboardJson(graph: Graph, selectedIds: Set<string>): string {
  const chosen = graph.nodes.filter((n) => selectedIds.has(n.id));
  const names = new Map(chosen.map((n) => [n.id, n.name]));
  const connections: Record<string, { main: { node: string; type: string; index: number }[][] }> = {};
  for (const e of graph.edges) {
    const from = names.get(e.source);
    const to = names.get(e.target);
    if (!from || !to) continue;
    const outputs = (connections[from] ??= { main: [] }).main;
    while (outputs.length <= e.output) outputs.push([]);
    outputs[e.output].push({ node: to, type: 'main', index: e.input });
  }
  return JSON.stringify({ nodes: chosen.map((n) => n.json), connections }, null, 2);
}

function Palette({ entries, onDragStart, onPick }: {
  entries: PaletteEntry[];
  onDragStart: (entry: PaletteEntry, e: ReactPointerEvent) => void;
  onPick: (entry: PaletteEntry) => void;
}) {
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const term = search.trim().toLowerCase();
    const byCategory = new Map<string, PaletteEntry[]>();
    for (const entry of entries) {
      const text = (entry.label + ' ' + entry.type + ' ' + entry.description).toLowerCase();
      if (term && !text.includes(term)) continue;
      if (!byCategory.has(entry.category)) byCategory.set(entry.category, []);
      byCategory.get(entry.category)!.push(entry);
    }
    return [...byCategory.entries()];
  }, [entries, search]);
  return (
    <div className="sb-palette">
      <input
        className="sb-palette-search"
        placeholder="Search nodes"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="sb-palette-groups">
        {groups.map(([category, list]) => (
          <div key={category} className="sb-palette-group">
            <div className="sb-palette-category">{category}</div>
            {list.map((entry) => (
              <div
                key={entry.type}
                className="sb-palette-entry"
                data-type={entry.type}
                title={entry.description}
                onPointerDown={(e) => onDragStart(entry, e)}
                onDoubleClick={() => onPick(entry)}
              >
                {entry.label}
              </div>
            ))}
          </div>
        ))}
        {groups.length === 0 ? <div className="sb-palette-empty">No node matches</div> : null}
      </div>
    </div>
  );
}

function Canvas({ hooks }: { hooks: RenderHooks }) {
  const [graph] = hooks.useState<Graph>('graph', EMPTY);
  const [palette] = hooks.useState<PaletteEntry[]>('palette', []);
  const edit = hooks.useCustomEvent<Edit>('canvas-edit');
  const flow = useReactFlow();
  const pane = useRef<HTMLDivElement>(null);
  const [nodes, setNodes] = useState<Node<NodeData>[]>([]);
  const [dragging, setDragging] = useState<{ entry: PaletteEntry; x: number; y: number } | null>(null);
  const fitted = useRef(false);
  const graphRef = useRef(graph);
  graphRef.current = graph;

  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);

  // A new graph from the server replaces the local nodes but keeps what the user has selected.
  useEffect(() => {
    setNodes((current) => {
      const selected = new Set(current.filter((n) => n.selected).map((n) => n.id));
      return graph.nodes.map((n) => toFlowNode(n, selected.has(n.id), graph.readOnly));
    });
  }, [graph]);

  // The first graph from the server is fitted into view; later ones (the user's own edits) are not,
  // so that what the user placed stays where it was put.
  useEffect(() => {
    if (!fitted.current && graph.version > 0) {
      fitted.current = true;
      if (graph.nodes.length > 0) {
        requestAnimationFrame(() => flow.fitView({ padding: 0.2, maxZoom: 1.2 }));
      }
    }
  }, [graph, flow]);

  const edges = useMemo(() => graph.edges.map((e) => toFlowEdge(e, byId)), [graph, byId]);

  const onNodesChange = useCallback((changes: NodeChange<Node<NodeData>>[]) => {
    // Removals go through onDelete, so that the server decides; everything else is local.
    setNodes((current) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), current));
  }, []);

  const onNodeDragStop = useCallback(
    (_: unknown, __: Node, dragged: Node[]) => {
      edit({ kind: 'move', nodes: dragged.map((n) => ({ id: n.id, x: Math.round(n.position.x), y: Math.round(n.position.y) })) });
    },
    [edit],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target) return;
      edit({
        kind: 'connect',
        source: c.source,
        output: Number((c.sourceHandle ?? 'out-0').substring(4)),
        target: c.target,
        input: Number((c.targetHandle ?? 'in-0').substring(3)),
      });
    },
    [edit],
  );

  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: Node[]; edges: Edge[] }) => {
      edit({
        kind: 'delete',
        nodes: gone.map((n) => n.id),
        edges: cut.map((e) => ({
          source: e.source,
          output: Number((e.sourceHandle ?? 'out-0').substring(4)),
          target: e.target,
          input: Number((e.targetHandle ?? 'in-0').substring(3)),
        })),
      });
    },
    [edit],
  );

  const dropAt = useCallback(
    (entry: PaletteEntry, clientX: number, clientY: number) => {
      const p = flow.screenToFlowPosition({ x: clientX, y: clientY });
      edit({ kind: 'add', type: entry.type, x: Math.round(p.x - 60), y: Math.round(p.y - 20) });
    },
    [edit, flow],
  );

  // Dragging from the palette follows the pointer (not HTML drag and drop), so that it works the
  // same with a mouse, a pen, a finger and a test driver.
  useEffect(() => {
    if (!dragging) return;
    const move = (e: PointerEvent) => setDragging((d) => (d ? { ...d, x: e.clientX, y: e.clientY } : d));
    const up = (e: PointerEvent) => {
      const rect = pane.current?.getBoundingClientRect();
      if (rect && e.clientX >= rect.left && e.clientX <= rect.right && e.clientY >= rect.top && e.clientY <= rect.bottom) {
        dropAt(dragging.entry, e.clientX, e.clientY);
      }
      setDragging(null);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up, { once: true });
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
  }, [dragging, dropAt]);

  const pick = useCallback(
    (entry: PaletteEntry) => {
      const rect = pane.current?.getBoundingClientRect();
      if (rect) dropAt(entry, rect.left + rect.width / 2, rect.top + rect.height / 2);
    },
    [dropAt],
  );

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) {
        e.preventDefault();
        edit({ kind: 'undo' });
      } else if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) {
        e.preventDefault();
        edit({ kind: 'redo' });
      }
    },
    [edit],
  );

  const onCopy = useCallback(
    (e: React.ClipboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') return;
      const selected = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
      if (selected.size === 0) return;
      e.clipboardData.setData('text/plain', clipboardJson(graphRef.current, selected));
      e.preventDefault();
    },
    [nodes],
  );

  const onPaste = useCallback(
    (e: React.ClipboardEvent) => {
      const target = e.target as HTMLElement;
      if (graphRef.current.readOnly || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') return;
      const text = e.clipboardData.getData('text/plain');
      if (text) {
        e.preventDefault();
        edit({ kind: 'paste', text });
      }
    },
    [edit],
  );

  return (
    <div className="sb-canvas" tabIndex={0} onKeyDown={onKeyDown} onCopy={onCopy} onPaste={onPaste}>
      {graph.readOnly ? null : (
        <Palette entries={palette} onPick={pick} onDragStart={(entry, e) => {
          e.preventDefault();
          setDragging({ entry, x: e.clientX, y: e.clientY });
        }} />
      )}
      <div className="sb-pane" ref={pane}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onDelete={onDelete}
          onNodeDoubleClick={(_, n) => edit({ kind: 'open', id: n.id })}
          deleteKeyCode={graph.readOnly ? null : ['Backspace', 'Delete']}
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          nodesDraggable={!graph.readOnly}
          nodesConnectable={!graph.readOnly}
          onlyRenderVisibleElements={graph.nodes.length > 100}
          minZoom={0.1}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls />
          <MiniMap pannable zoomable />
        </ReactFlow>
      </div>
      {dragging ? (
        <div className="sb-drag-ghost" style={{ left: dragging.x + 8, top: dragging.y + 8 }}>
          {dragging.entry.label}
        </div>
      ) : null}
    </div>
  );
}

class NodeCanvasElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks) {
    return (
      <ReactFlowProvider>
        <Canvas hooks={hooks} />
      </ReactFlowProvider>
    );
  }
}

customElements.define('switchboard-node-canvas', NodeCanvasElement);
