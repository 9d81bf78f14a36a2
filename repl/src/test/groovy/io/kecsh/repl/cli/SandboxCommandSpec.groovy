package io.kecsh.repl.cli

import io.kecsh.runtime.auth.Credentials
import io.kecsh.runtime.client.ClientConfig
import io.kecsh.runtime.client.CloudClient
import io.kecsh.runtime.config.Cloud
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

class SandboxCommandSpec extends CommandSpecification {
    /** Lines the command prints, as they come (the command runs until it is interrupted). */
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>()

    @Override
    CommandContext context() {
        OutputStream lineSink = new OutputStream() {
            ByteArrayOutputStream current = new ByteArrayOutputStream()

            @Override
            void write(int b) {
                if (b == '\n') {
                    lines.add(current.toString(StandardCharsets.UTF_8))
                    current.reset()
                } else {
                    current.write(b)
                }
            }
        }
        super.context().toBuilder().out(new PrintStream(lineSink, true, StandardCharsets.UTF_8)).build()
    }

    def "kecsh sandbox serves until interrupted, prints its endpoint and keys, and keeps state in --state"() {
        given:
        def stateFile = home.resolve('cloud.json')
        def executor = Executors.newSingleThreadExecutor()
        def running = executor.submit({ kecsh('sandbox', '--state', stateFile.toString()) } as Callable<Integer>)

        when: 'a client uses the endpoint and keys it printed'
        String first = lines.poll(60, TimeUnit.SECONDS)
        URI endpoint = URI.create((first =~ /listening on (\S+)/)[0][1] as String)
        String keys = lines.poll(5, TimeUnit.SECONDS)
        def (id, secret) = (keys =~ /Kingsoft key: (\S+) \/ (\S+)/)[0][1, 2]
        def client = new CloudClient(ClientConfig.builder().endpoint(endpoint)
            .credentials(Cloud.KINGSOFT, new Credentials(id, secret)).build())
        def key = client.call('CreateKey', [KeyName: 'from-test'])
        client.close()

        then:
        key.Key.KeyName == 'from-test'
        Files.readString(stateFile).contains('from-test')

        when:
        running.cancel(true)
        executor.shutdown()

        then:
        executor.awaitTermination(30, TimeUnit.SECONDS)
        when: 'the port is closed once it stopped'
        new Socket(endpoint.host, endpoint.port).close()
        then:
        thrown(ConnectException)
    }
}
