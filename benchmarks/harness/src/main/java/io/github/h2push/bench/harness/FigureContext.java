package io.github.h2push.bench.harness;

import java.util.Set;

/**
 * What the figures of one run share: the options, the workspace, the started servers,
 * the report they all write to, and the names of the servers already warmed up.
 */
record FigureContext(Options options, Workspace workspace, Servers servers, Report report, Set<String> warmed) {

}
