import AccessControlPlugin
import CalendarCalDAVPlugin
import CalendarDominoPlugin
import CalendarEWSPlugin
import CalendarGraphPlugin
import ExecPlugin
import HubCore
import MailPlugin
import SMPPPlugin
import SMSHTTPPlugin

/// Every plugin kind compiled into this hub. Adding a kind = one line here and one in Package.swift.
enum BuiltinPlugins {
    /// The built-in factories, in the order `hub plugins list` prints them.
    static var factories: [PluginFactory] {
        [
            ExecPlugin.factory,
            MailPlugin.factory,
            AccessControlPlugin.factory,
            KannelSMSPlugin.factory,
            HTTPSMSPlugin.factory,
            SMPPPlugin.factory,
            CalendarEWSPlugin.factory,
            CalendarGraphPlugin.factory,
            CalendarDominoPlugin.factory,
            CalendarCalDAVPlugin.factory,
        ]
    }

    /// A registry of the built-in kinds.
    static var registry: PluginRegistry { PluginRegistry(factories) }
}
