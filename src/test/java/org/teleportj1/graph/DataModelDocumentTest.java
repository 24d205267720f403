package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The published data-model tables must be exactly what the code declares. */
class DataModelDocumentTest {
    /** The document holding the generated section. */
    static final Path DOCUMENT = Path.of("docs/jupiterone.md");

    @Test
    void committedSectionEqualsTheGeneratedOne() throws IOException {
        String committed = DataModelDocument.extractSection(Files.readString(DOCUMENT));
        assertNotNull(committed, DOCUMENT + " lacks the J1 documentation markers");
        assertEquals(DataModelDocument.section(), committed,
                "regenerate the section of " + DOCUMENT + " from DataModelDocument.section()");
    }

    @Test
    void everyTypeAppearsInTheTables() {
        String section = DataModelDocument.section();
        Arrays.stream(EntityType.values()).forEach(type -> assertTrue(hasRow(section, type.resourceName(),
                "`" + type.type() + "`", "`" + type.entityClass() + "`"), type.type()));
        Arrays.stream(RelationshipType.values()).forEach(type -> assertTrue(hasRow(section,
                "`" + type.from().type() + "`", "**" + type.relationshipClass() + "**", "`" + type.to().type() + "`"),
                type.type()));
    }

    private static boolean hasRow(String table, String... cells) {
        String row = Arrays.stream(cells).map(Pattern::quote).collect(Collectors.joining("\\s*\\|\\s*",
                "(?m)^\\|\\s*", "\\s*\\|$"));
        return Pattern.compile(row).matcher(table).find();
    }

    @Test
    void entityClassesExistInTheDataModel() {
        Arrays.stream(EntityType.values()).forEach(type -> assertTrue(
                DataModelSchemas.load().hasClass(type.entityClass()), type.entityClass()));
        Arrays.stream(RelationshipType.values()).forEach(type -> assertTrue(
                DataModelSchemas.load().relationshipClasses().contains(type.relationshipClass()), type.type()));
    }
}
