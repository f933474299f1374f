import Foundation

/// Where `--demo` finds the seed plans when SCIPLAN_SEEDS is not set: the
/// working directory's `Seeds`, else a `Seeds` beside an ancestor of the
/// executable (`.build/debug/sciplan` three levels under the checkout), so
/// the demo runs from any directory.
public enum SeedsLocator {
    /// How far up from the executable's folder to look.
    static let levels = 5

    public static func find(workingDirectory: String, executable: URL?) -> String? {
        let fm = FileManager.default
        func hasPlans(_ seeds: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: seeds.appendingPathComponent("plans").path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let here = URL(fileURLWithPath: workingDirectory).appendingPathComponent("Seeds")
        if hasPlans(here) { return here.path }
        guard var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() else { return nil }
        for _ in 0..<levels {
            let seeds = folder.appendingPathComponent("Seeds")
            if hasPlans(seeds) { return seeds.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return nil
    }

    /// The running binary, symlinks resolved (Linux: /proc/self/exe).
    public static var runningExecutable: URL? {
        let proc = URL(fileURLWithPath: "/proc/self/exe")
        if FileManager.default.fileExists(atPath: proc.path) { return proc.resolvingSymlinksInPath() }
        return Bundle.main.executableURL
    }
}
