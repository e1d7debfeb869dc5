// The build passed the gate, logged every rule and wrote a JUnit report without failures.
def log = new File(basedir, 'build.log').text
assert log.contains('PASS  tail.accuracy.drop <= 0.02')
assert log.contains('gate PASSED: all 4 rules passed')
def junit = new File(basedir, 'target/tailgap/TEST-tailgap-gate.xml')
assert junit.text.contains('tests="4" failures="0"')
return true
