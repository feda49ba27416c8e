import ExecPlugin
import HubCore

/// Every plugin kind compiled into this hub. Adding a kind = one line here and one in Package.swift.
enum BuiltinPlugins {
    /// The built-in factories, in the order `hub plugins list` prints them.
    static var factories: [PluginFactory] {
        [
            ExecPlugin.factory,
        ]
    }

    /// A registry of the built-in kinds.
    static var registry: PluginRegistry { PluginRegistry(factories) }
}
