package org.riemopt.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The Maven coordinates README's embedding section gives are the build's: its modules and its version. */
class MavenCoordinatesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** A pom's own artifactId and version: the first ones after its parent element, if any. */
    private static final Pattern OWN = Pattern.compile("(?s)(?:</parent>|<modelVersion>[^<]*</modelVersion>)\\s*"
            + "(?:<groupId>[^<]*</groupId>\\s*)?<artifactId>([^<]+)</artifactId>(?:\\s*<version>([^<]+)</version>)?");

    @Test
    void theReadmeNamesTheBuildsArtifactsAndVersion() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        Matcher own = OWN.matcher(parent);
        assertTrue(own.find(), "the parent pom's version");
        String version = own.group(2);
        Set<String> artifacts = Set.copyOf(moduleArtifacts(parent));

        List<MarkdownBlock> xml = MarkdownBlock.in(ROOT.resolve("README.md")).stream()
                .filter(b -> b.language().equals("xml")).toList();
        assertEquals(1, xml.size(), "README's dependency block");
        Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(xml.get(0).code());
        int named = 0;
        for (; artifact.find(); named++) {
            assertTrue(artifacts.contains(artifact.group(1)), artifact.group(1) + " is one of " + artifacts);
        }
        assertTrue(named >= 2, xml.get(0).code());
        Matcher versions = Pattern.compile("<version>([^<]+)</version>").matcher(xml.get(0).code());
        while (versions.find()) {
            assertEquals(version, versions.group(1), xml.get(0).where());
        }
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.contains("version `" + version + "`"), "README states the version " + version);
        Matcher mentioned = Pattern.compile("`(riemopt-[a-z]+)`").matcher(readme);
        while (mentioned.find()) {
            assertTrue(artifacts.contains(mentioned.group(1)), mentioned.group(1) + " is one of " + artifacts);
        }
    }

    private static List<String> moduleArtifacts(String parentPom) throws IOException {
        List<String> artifacts = new ArrayList<>();
        Matcher module = MODULE.matcher(parentPom);
        while (module.find()) {
            Matcher own = OWN.matcher(Files.readString(ROOT.resolve(module.group(1)).resolve("pom.xml")));
            assertTrue(own.find(), module.group(1));
            artifacts.add(own.group(1));
        }
        return artifacts;
    }
}
