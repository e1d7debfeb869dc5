// Starts the endpoint both builds use and tells them its URL.
def endpoint = dev.tailgap.maven.SwappableEndpoint.start()
new File(basedir, 'endpoint.properties').text = "tailgap.it.baseUrl=" + endpoint.baseUrl() + "\n"
return true
