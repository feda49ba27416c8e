/// Opens the instance's port; a thin seam so tests and tools can swap the way bytes arrive.
///
/// `open` runs on the port's own reader thread (it may block, e.g. a TCP connect); the ``OpenPort`` it
/// returns is used only from that thread.
protocol PortTransport: Sendable {
    /// What is opened, for logs (`termios /dev/ttyUSB0 9600 8N1`).
    var summary: String { get }
    /// Opens the port; `wake` is a descriptor that becomes readable when the open should be abandoned.
    func open(wake: Int32) throws(PortFailure) -> any OpenPort
}

/// An open port: a descriptor to poll for input and a non-blocking read.
protocol OpenPort: AnyObject {
    /// The descriptor `poll` watches for input.
    var descriptor: Int32 { get }
    /// What was opened and how, for logs.
    var summary: String { get }
    /// Reads what is available without blocking.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> PortRead
    /// Closes the port.
    func close()
}

/// The outcome of one non-blocking read.
enum PortRead: Equatable {
    /// This many bytes were read.
    case bytes(Int)
    /// Nothing to read right now.
    case empty
    /// The port is gone (end of file, device removed, peer closed), with the reason.
    case lost(String)
}

/// Why a port could not be opened.
struct PortFailure: Error, Equatable, CustomStringConvertible {
    /// What failed, naming the port.
    var description: String
    /// Whether the settings cannot work on this port (not retried by a fallback driver).
    var isPermanent = false
}
