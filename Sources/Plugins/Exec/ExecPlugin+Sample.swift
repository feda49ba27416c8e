extension ExecPlugin {
    /// The commented sample instance file (`plugins.d/exec.toml.sample`).
    public static let sampleConfig = """
        ## Runs a program of your own as a plugin. The program reads JSON Lines on its standard input
        ## (a "hello", then the tenant's hub events and an "ack" for each update it sent) and writes JSON
        ## Lines on its standard output ("presence" updates, "log" lines); standard error is logged.
        ## The protocol is described in docs/plugin-protocol.md; samples/plugins/presence_bridge.py is a
        ## working example. When the program exits, the hub restarts it with backoff.
        plugin = "exec"
        tenant = "acme"

        [settings]
          ## The program and its arguments. A program name without "/" is looked up in PATH; a relative
          ## path is taken from working_directory.
          command = ["python3", "/opt/hub/plugins/presence_bridge.py"]

          ## Directory the program runs in (default: the hub's).
          # working_directory = "/var/lib/hub/bridge"

          ## Extra environment variables, on top of the hub's own.
          # environment = { BRIDGE_LOG = "debug" }

          ## Longest line (stdout or stderr) in bytes; longer lines are cut, dropped and counted.
          # max_line_bytes = 65536

          ## Lines per second accepted on stdout and on stderr; lines over the limit are dropped and counted.
          # max_lines_per_second = 100

          ## Log level of stderr lines without an "E!", "W!", "I!" or "D!" prefix or a JSON "level".
          # stderr_level = "error"

          ## Whether the tenant's hub events (presence changes, user changes) are written to the program.
          # forward_events = true

          ## How long the program gets to exit after SIGTERM before it is killed.
          # stop_grace_period = "2s"

          ## Free settings handed to the program in the "hello" message.
          [settings.config]
            watch = "/var/lib/hub/bridge/presence.txt"
            source = "access_control"

        """
}
