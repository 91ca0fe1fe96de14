import Foundation

/// Repeated runs of one scenario, reported as their median.
struct Measurement {
    let name: String
    let unit: String
    var samples: [Double] = []

    var median: Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    var line: String {
        let runs = samples.map { String(format: "%.0f", $0) }.joined(separator: ", ")
        return String(format: "%-44@ median %10.0f %@   (runs: %@)", name as NSString, median, unit as NSString, runs as NSString)
    }
}

/// Seconds on the monotonic clock.
func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}

/// The CPU time this process has used so far, user and system, in seconds: the benchmark's clients.
func ownCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Writes `line` at once: stdout to a file or pipe is block-buffered, and a result must show as it
/// comes and survive a crash of a later step.
func print(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
