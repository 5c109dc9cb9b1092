package org.riemopt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.PluginProblem;
import org.riemopt.spi.PluginRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code riemopt plugins}: what is loaded, with parameters and defaults, and what was skipped. */
@Command(name = "plugins", description = "List the loaded plugins with their parameters, and any that were skipped.")
final class PluginsCommand extends Subcommand implements Callable<Integer> {


    @Mixin
    private JsonOutput json;

    @Override
    public Integer call() {
        PluginRegistry registry = parent.registry();
        var out = out();
        if (json.enabled) {
            List<Object> plugins = new ArrayList<>();
            for (PluginRegistry.Entry e : registry.entries()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", e.name());
                p.put("family", e.family().label());
                p.put("description", e.description());
                p.put("version", version(e));
                p.put("source", e.source());
                List<Object> parameters = new ArrayList<>();
                for (ParameterSpec s : e.parameters()) {
                    Map<String, Object> q = new LinkedHashMap<>();
                    q.put("name", s.name());
                    q.put("type", s.type().description());
                    q.put("required", s.required());
                    q.put("default", s.defaultValue());
                    q.put("doc", s.doc());
                    parameters.add(q);
                }
                p.put("parameters", parameters);
                plugins.add(p);
            }
            List<Object> skipped = new ArrayList<>();
            for (PluginProblem problem : registry.problems()) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("source", problem.source());
                q.put("plugin", problem.what());
                q.put("reason", problem.reason());
                skipped.add(q);
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("plugins", plugins);
            o.put("skipped", skipped);
            out.println(Json.write(o));
            return 0;
        }
        String family = "";
        for (PluginRegistry.Entry e : registry.entries()) {
            if (!e.family().label().equals(family)) {
                family = e.family().label();
                out.println(family + ":");
            }
            out.printf("  %-18s %s [%s %s]%n", e.name(), e.description(), e.source(),
                    version(e));
            for (ParameterSpec s : e.parameters()) {
                out.printf("      %-20s %-22s %s%s%n", s.name(), s.type().description(), s.doc(),
                        s.required() ? " (required)" : s.defaultValue() == null ? " (optional)"
                                : " (default " + s.defaultValue() + ")");
            }
        }
        for (PluginProblem problem : registry.problems()) {
            out.printf("skipped: %s from %s: %s%n", problem.what(), problem.source(), problem.reason());
        }
        return 0;
    }

    /** A bundle's {@code Bundle-Version}; else the jar's implementation version. */
    private static String version(PluginRegistry.Entry e) {
        Bundle bundle = FrameworkUtil.getBundle(e.provider().getClass());
        if (bundle != null) {
            return bundle.getVersion().toString();
        }
        String v = e.provider().getClass().getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
