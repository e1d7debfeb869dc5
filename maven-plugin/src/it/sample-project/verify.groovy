// The sample project's tests ran green under Jackson 2.15, and tailgap-assertj brought no native library and at
// most 10 MB of jars (AssertJ, JUnit and their own dependencies aside).
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0')
assert log.contains('gate PASSED')
def lines = new File(basedir, 'deps.txt').readLines().findAll { it.trim().contains(':jar:') }
def natives = lines.findAll { it.contains('sqlite-jdbc') || it.contains('de.kherud') || it.contains('jline-native') || it.contains('jline-terminal') }
assert natives.isEmpty() : "native libraries on the test class path: ${natives}"
assert lines.any { it.contains('com.fasterxml.jackson.core:jackson-databind:jar:2.15.4') }
def own = ['org.assertj:', 'net.bytebuddy:', 'org.junit', 'org.opentest4j:', 'org.apiguardian:']
long bytes = 0
lines.findAll { l -> !own.any { l.trim().startsWith(it) } }.each { l ->
    def path = l.substring(l.lastIndexOf(':') + 1).trim()
    def f = new File(path)
    if (!f.isFile()) {
        def m = (l =~ /(\/.*\.jar)/)
        f = new File(m[0][1])
    }
    bytes += f.length()
}
println "tailgap-assertj brings ${bytes} bytes of jars"
assert bytes > 0 && bytes <= 10L * 1024 * 1024 : "tailgap-assertj brings ${bytes} bytes"
return true
