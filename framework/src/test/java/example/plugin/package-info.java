/**
 * Stand-ins for a plugin's classes in the framework's own tests: classes outside {@code org.riemopt}, which the
 * host's guards therefore treat as plugin code.
 */
package example.plugin;
