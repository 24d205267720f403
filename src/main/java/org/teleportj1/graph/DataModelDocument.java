package org.teleportj1.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Renders the data-model tables in the format of J1's integration documentation
 * ({@code j1-integration document}, docs/jupiterone-api.md §4.1) from {@link EntityType} and
 * {@link RelationshipType}, so the published document cannot drift from the code.
 */
public final class DataModelDocument {
    public static final String START_MARKER = "<!-- {J1_DOCUMENTATION_MARKER_START} -->";
    public static final String END_MARKER = "<!-- {J1_DOCUMENTATION_MARKER_END} -->";

    private DataModelDocument() {
    }

    /** The generated section, markers included, ending with a newline. */
    public static String section() {
        StringBuilder out = new StringBuilder();
        out.append(START_MARKER).append('\n');
        out.append("<!--\n");
        out.append("Generated from org.teleportj1.graph.EntityType and RelationshipType by DataModelDocument.\n");
        out.append("Do not edit by hand: DataModelDocumentTest fails when this section differs from the code.\n");
        out.append("-->\n\n");
        out.append("## Data Model\n\n");
        out.append("### Entities\n\n");
        out.append("The following entities are created:\n\n");
        out.append(table(List.of("Resources", "Entity `_type`", "Entity `_class`"), entityRows()));
        out.append("\n### Relationships\n\n");
        out.append("The following relationships are created:\n\n");
        out.append(table(List.of("Source Entity `_type`", "Relationship `_class`", "Target Entity `_type`"),
                relationshipRows()));
        out.append("\n### Mapped Relationships\n\n");
        out.append("The following mapped relationships are created:\n\n");
        out.append(table(List.of("Source Entity `_type`", "Relationship `_class`", "Target Entity `_type`",
                "Direction"), mappedRows()));
        out.append('\n').append(END_MARKER).append('\n');
        return out.toString();
    }

    /**
     * The section of a document between (and including) the markers, or null when a marker is
     * missing.
     */
    public static String extractSection(String document) {
        int start = document.indexOf(START_MARKER);
        int end = document.indexOf(END_MARKER);
        if (start < 0 || end < start) {
            return null;
        }
        return document.substring(start, end + END_MARKER.length()) + "\n";
    }

    private static List<List<String>> entityRows() {
        return Arrays.stream(EntityType.values())
                .sorted(Comparator.comparing(EntityType::resourceName))
                .map(t -> List.of(t.resourceName(), code(t.type()), code(t.entityClass())))
                .toList();
    }

    private static List<List<String>> relationshipRows() {
        // One row per (source, class, target), sorted on the plain names as J1's generator does.
        return Arrays.stream(RelationshipType.values())
                .sorted(Comparator.comparing((RelationshipType r) -> r.from().type())
                        .thenComparing(RelationshipType::relationshipClass)
                        .thenComparing(r -> r.to().type()))
                .map(r -> List.of(code(r.from().type()), "**" + r.relationshipClass() + "**", code(r.to().type())))
                .distinct()
                .toList();
    }

    /** The target of a mapped relationship is another integration's: its type, or its class. */
    private static List<List<String>> mappedRows() {
        return Arrays.stream(MappedRelationshipType.values())
                .map(r -> List.of(code(r.source().type()), "**" + r.relationshipClass() + "**",
                        "*" + (r.targetType() == null ? r.targetClass() : r.targetType()) + "*",
                        code(MappedRelationshipType.DIRECTION)))
                .toList();
    }

    private static String code(String text) {
        return "`" + text + "`";
    }

    private static String table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        appendRow(out, rule, widths);
        for (List<String> row : rows) {
            appendRow(out, row, widths);
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
        }
        out.append('\n');
    }
}
