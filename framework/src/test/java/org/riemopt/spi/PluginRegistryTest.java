package org.riemopt.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.riemopt.problem.Loss;

class PluginRegistryTest {

    /** A loss provider with a given name; subclasses give distinct class names. */
    private abstract static class NamedLoss implements LossProvider {
        private final String name;

        NamedLoss(String name) {
            this.name = name;
        }

        @Override public String name() { return name; }
        @Override public String description() { return "test"; }
        @Override public List<ParameterSpec> parameters() { return List.of(); }
        @Override public Loss create(Parameters p) { throw new UnsupportedOperationException("not used"); }
    }

    private static final class AlphaLoss extends NamedLoss {
        AlphaLoss() { super("huber"); }
    }

    private static final class BetaLoss extends NamedLoss {
        BetaLoss() { super("huber"); }
    }

    private static ProviderSource source(String label, Provider... providers) {
        return new ProviderSource() {
            @Override public String label() { return label; }
            @Override public List<Provider> providers(Family family, List<PluginProblem> problems) {
                return family == Family.LOSS ? List.of(providers) : List.of();
            }
        };
    }

    @Test
    void aClashIsWonByTheFirstSourceThenTheSourcesOwnOrderAndReported() {
        BetaLoss beta = new BetaLoss();
        AlphaLoss alpha = new AlphaLoss();
        PluginRegistry sameSource = new PluginRegistry(List.of(source("one", beta, alpha)));
        assertSame(beta, sameSource.find(Family.LOSS, LossProvider.class, "huber"), "offered first, wins");
        assertEquals(1, sameSource.problems().size());
        assertTrue(sameSource.problems().get(0).reason().contains("name clash"), sameSource.problems().toString());

        PluginRegistry twoSources = new PluginRegistry(List.of(source("first", alpha), source("second", beta)));
        assertSame(alpha, twoSources.find(Family.LOSS, LossProvider.class, "huber"), "the first source wins");
    }

    @Test
    void twoCopiesOfOnePluginInOneSourceAreReported() {
        AlphaLoss first = new AlphaLoss();
        PluginRegistry registry = new PluginRegistry(List.of(source("bundle", first, new AlphaLoss())));
        assertSame(first, registry.find(Family.LOSS, LossProvider.class, "huber"));
        assertEquals(1, registry.problems().size());
        assertTrue(registry.problems().get(0).reason().startsWith("duplicate"), registry.problems().toString());
    }

    @Test
    void aProviderThatCannotDescribeItselfIsSkipped() {
        NamedLoss broken = new NamedLoss("broken") {
            @Override public List<ParameterSpec> parameters() { throw new IllegalStateException("no list"); }
        };
        PluginRegistry registry = new PluginRegistry(List.of(source("a", broken, new AlphaLoss())));
        assertEquals(List.of("huber"), registry.names(Family.LOSS));
        assertTrue(registry.problems().get(0).reason().contains("no list"), registry.problems().toString());
    }

    @Test
    void theSameClassFromTwoSourcesIsOnePlugin() {
        PluginRegistry registry = new PluginRegistry(List.of(source("a", new AlphaLoss()), source("b", new AlphaLoss())));
        assertEquals(List.of("huber"), registry.names(Family.LOSS));
        assertEquals(List.of(), registry.problems());
        assertEquals("a", registry.entries().get(0).source());
    }

    @Test
    void unknownNamesListWhatIsAvailable() {
        PluginRegistry registry = new PluginRegistry(List.of(source("a", new AlphaLoss())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.find(Family.LOSS, LossProvider.class, "l7"));
        assertEquals("unknown loss 'l7'; available: huber", e.getMessage());
    }
}
