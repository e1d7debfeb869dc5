#!/usr/bin/env python3
"""Where a run's CPU time goes, from async-profiler's collapsed stacks (one 'frame;frame;... count' per line).

Each sample goes to the category of its innermost (leaf-most) frame that names one: time spent inside the JDK or the
kernel on behalf of, say, the HTTP client counts as the HTTP client's. Usage:
    profile_categories.py STACKS.collapsed                 # the table
    profile_categories.py STACKS.collapsed CATEGORY [N]    # that category's commonest innermost N frames
"""
import collections
import sys

CATEGORIES = [
    ("fsync", ["FileChannelImpl.force", "FileDispatcherImpl.force"]),
    ("item log write", ["ItemLogWriter"]),
    ("item log line encode", ["ItemLog.toJsonLine", "ItemLog.write"]),
    ("reports", ["ItemLoop.finish", "RunReports", "HtmlReport", "JsonReport", "MarkdownReport", "SavedRun"]),
    ("dataset load", ["DatasetFiles.load", "DatasetLoader", "Sha256", "Sampler", "Bucketing"]),
    ("run open (resume read)", ["RunDirectory.open"]),
    ("scoring", ["ScorerSetup.score", "ThinkBlocks", "dev/tailgap/harness/scoring", "Normalizer"]),
    ("JSON request encode", ["writeValueAsBytes", "OpenAiAdapter.payload", "putMessages"]),
    ("JSON reply decode", ["readTree", "OpenAiAdapter.parse", "JsonNode.at", "OpenAiReplyReader"]),
    ("HTTP client", ["okhttp3", "okio", "kotlin", "HttpTransport", "PlainConnection", "PlainExchange"]),
    ("thread hand-offs", ["LockSupport", "Unsafe.park", "Unsafe.unpark", "ThreadPoolExecutor.getTask",
                          "ThreadPoolExecutor.execute", "Semaphore", "LinkedBlockingQueue", "Object.wait",
                          "Object.notify", "JVM_Monitor", "monitor_exit", "ObjectMonitor", "ObjectSynchronizer",
                          "AbstractQueuedSynchronizer", "AdaptiveConcurrency"]),
    ("retry (Failsafe)", ["dev/failsafe", "RetryInterceptor"]),
    ("aggregate + progress", ["Aggregator", "itemDone", "Progress"]),
    ("dataset stream (items for requests)", ["Dataset.items", "ItemCodec", "LineReader"]),
    ("engine, other", ["dev/tailgap/harness/engine", "dev/tailgap/adapters"]),
    ("JIT compiler", ["CompileBroker", "Compilation::", "C2Compiler", "Compiler::", "CompilerThread"]),
    ("GC", ["GC_active", "GCTask", "VM_GenCollect", "SerialHeap", "DefNewGeneration", "G1", "VMThread"]),
    ("JVM start, CLI parsing, class loading", ["picocli", "ClassLoader", "LauncherHelper", "SystemDictionary",
                                               "ClassFileParser", "Main.main", "JavaMain", "dev/tailgap/harness/cli"]),
]


def category(stack):
    for frame in reversed(stack.split(";")):
        for name, marks in CATEGORIES:
            if any(m in frame for m in marks):
                return name
    return "other (unwalkable frames, JVM runtime)"


def main():
    rows = []
    for line in open(sys.argv[1]):
        stack, n = line.rsplit(" ", 1)
        rows.append((stack, int(n)))
    total = sum(n for _, n in rows)
    if len(sys.argv) > 2:
        want, depth = sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 3
        frames = collections.Counter()
        for stack, n in rows:
            if category(stack) == want:
                java = [f for f in stack.split(";") if "/" in f and not f.endswith("[k]")]
                frames[";".join(java[-depth:])] += n
        for f, n in frames.most_common(25):
            print("%6d %5.1f%%  %s" % (n, 100.0 * n / total, f))
        return
    by = collections.Counter()
    for stack, n in rows:
        by[category(stack)] += n
    for name, n in by.most_common():
        print("%-40s %7d %6.1f%%" % (name, n, 100.0 * n / total))
    print("%-40s %7d" % ("samples", total))


if __name__ == "__main__":
    main()
