// The build failed on the gate, with the summary in the log and one JUnit test case per rule.
def log = new File(basedir, 'build.log').text
assert log.contains('FAIL  tail.accuracy.drop <= 0.02  tail (1e3-1e4): accuracy drop')
assert log.contains('shown above 0.02 at alpha 0.05')
assert log.contains('PASS  errors.rate <= 0.01')
assert log.contains('gate FAILED: 1 of 2 rules failed')
def junit = new File(basedir, 'target/tailgap/TEST-tailgap-gate.xml')
assert junit.isFile()
assert junit.text.contains('tests="2" failures="1"')
assert new File(basedir, 'target/tailgap/gate.md').text.startsWith('## tailgap gate: FAILED')
return true
