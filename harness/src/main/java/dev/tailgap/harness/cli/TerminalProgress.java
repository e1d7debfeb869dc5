package dev.tailgap.harness.cli;

import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.reports.ItemResult;
import java.text.DecimalFormat;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on the terminal's stderr (me.tongfei:progressbar): done/total, elapsed and ETA, items per second,
 * errors and live accuracy head vs tail. A resumed run's bar starts at the items already finished, and its rate and
 * ETA count only the items asked now.
 */
final class TerminalProgress implements Progress {
    private ProgressBar bar;

    @Override
    public synchronized void started(long total, long alreadyDone) {
        bar = new ProgressBarBuilder().setTaskName("tailgap").setInitialMax(total).setUpdateIntervalMillis(250)
                .showSpeed(new DecimalFormat("0.0")).startsFrom(alreadyDone, Duration.ZERO).build();
        bar.setExtraMessage(" " + ConsoleProgress.live(null));
    }

    @Override
    public synchronized void itemDone(ItemResult result, Aggregator live) {
        bar.step();
        bar.setExtraMessage(" " + ConsoleProgress.live(live));
    }

    @Override
    public synchronized void retrying(String reason) {
        if (bar != null) {
            String r = reason.length() > 60 ? reason.substring(0, 57) + "..." : reason;
            bar.setExtraMessage(" retrying: " + r);
        }
    }

    @Override
    public synchronized void notice(String message) {
        System.err.println("\r" + message); // on its own line; the bar redraws below it
    }

    @Override
    public synchronized void finished() {
        if (bar != null) {
            bar.close();
        }
    }
}
