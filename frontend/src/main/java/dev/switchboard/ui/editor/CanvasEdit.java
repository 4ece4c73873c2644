package dev.switchboard.ui.editor;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** What the user did on the canvas, as the browser reports it. Nodes are named by their ids. */
public sealed interface CanvasEdit {

    /** Nodes dragged to new positions. */
    record Move(List<Position> nodes) implements CanvasEdit {
        public Move {
            nodes = List.copyOf(nodes);
        }
    }

    record Position(String id, double x, double y) {
    }

    /** A node of {@code type} dropped from the palette at (x, y). */
    record Add(String type, double x, double y) implements CanvasEdit {
    }

    /** An output connected to an input. */
    record Connect(CanvasGraph.Edge edge) implements CanvasEdit {
    }

    /** Nodes and connections deleted (with the delete key). */
    record Delete(List<String> nodes, List<CanvasGraph.Edge> edges) implements CanvasEdit {
        public Delete {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }
    }

    /** A node double-clicked: open its panel. */
    record Open(String id) implements CanvasEdit {
    }

    /** Text pasted on the canvas (n8n's clipboard JSON, when it is nodes). */
    record Paste(String text) implements CanvasEdit {
    }

    record Undo() implements CanvasEdit {
    }

    record Redo() implements CanvasEdit {
    }

    /** Reads an edit from the event's detail; an edit of an unknown kind is refused. */
    static CanvasEdit parse(JsonNode detail) {
        String kind = detail.path("kind").asString("");
        return switch (kind) {
            case "move" -> {
                List<Position> positions = new ArrayList<>();
                for (JsonNode n : detail.path("nodes")) {
                    positions.add(new Position(n.path("id").asString(), n.path("x").asDouble(), n.path("y").asDouble()));
                }
                yield new Move(positions);
            }
            case "add" -> new Add(detail.path("type").asString(), detail.path("x").asDouble(), detail.path("y").asDouble());
            case "connect" -> new Connect(edge(detail));
            case "delete" -> {
                List<String> nodes = new ArrayList<>();
                detail.path("nodes").forEach(n -> nodes.add(n.asString()));
                List<CanvasGraph.Edge> edges = new ArrayList<>();
                detail.path("edges").forEach(e -> edges.add(edge(e)));
                yield new Delete(nodes, edges);
            }
            case "open" -> new Open(detail.path("id").asString());
            case "paste" -> new Paste(detail.path("text").asString(""));
            case "undo" -> new Undo();
            case "redo" -> new Redo();
            default -> throw new IllegalArgumentException("unknown canvas edit \"" + kind + "\"");
        };
    }

    private static CanvasGraph.Edge edge(JsonNode e) {
        return new CanvasGraph.Edge(e.path("source").asString(), e.path("output").asInt(), e.path("target").asString(),
                e.path("input").asInt());
    }
}
