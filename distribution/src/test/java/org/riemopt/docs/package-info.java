/**
 * Tests that keep the documentation true: the fenced code blocks of {@code README.md} and {@code docs/*.md}
 * ({@link org.riemopt.docs.MarkdownBlock}) are compiled and run; the integration tests run the commands of the
 * distribution's own README the same way.
 */
package org.riemopt.docs;
