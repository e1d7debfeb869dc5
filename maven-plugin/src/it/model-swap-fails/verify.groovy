// The first build passed on the first model; the second asked the swapped-in model every item again (none replayed
// from the finished run) and failed on its tail.
def endpoint = dev.tailgap.maven.SwappableEndpoint.current()
try {
    def log = new File(basedir, 'build.log').text
    assert endpoint.asked(0) > 0
    assert endpoint.asked(1) == endpoint.asked(0) : "the swapped-in model answered ${endpoint.asked(1)} of ${endpoint.asked(0)}"
    assert log.contains('holds a finished run, so this run is a new one in')
    assert log.contains('FAIL  tail.accuracy >= 0.3')
    assert log.contains('gate FAILED')
    assert new File(basedir, 'target/tailgap/run/report.json').isFile()
    assert new File(basedir, 'target/tailgap/run-2/report.json').isFile()
} finally {
    endpoint.close()
}
return true
