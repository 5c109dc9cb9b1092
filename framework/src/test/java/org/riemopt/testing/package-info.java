/**
 * Contract tests shared through the framework's test-jar: each implementation's test is a short subclass.
 */
package org.riemopt.testing;
