using System.Globalization;

namespace Backprop.Training;

/// <summary>
/// Training progress for a console: on a terminal it redraws one line in place
/// (<c>epoch 120/4000  loss 0.1234  val 0.1301  acc 95.0%  η 0.01  elapsed 0:01.2  ETA 0:38.5</c>), at most once per
/// <see cref="RefreshInterval"/>; when the output is redirected it writes plain lines instead: the first epoch, every
/// tenth of the run, and any epoch a <see cref="RefreshInterval"/> after the last line. The last epoch of the run is
/// always written. Pass it as <see cref="TrainingOptions.Progress"/> and dispose it (or call <see cref="Complete"/>)
/// when training ends, so that a run stopped early also shows its last epoch and the terminal line is ended.
/// </summary>
/// <remarks>
/// Elapsed time and ETA come from the epochs' own <see cref="EpochReport.Elapsed"/> (the ETA is the mean epoch time
/// times the epochs left); the clock only paces the output. Safe to call from any thread.
/// </remarks>
public sealed class ConsoleProgress : IProgress<EpochReport>, IDisposable
{
    private readonly TextWriter _output;
    private readonly TimeProvider _clock;
    private readonly int? _width;
    private readonly object _gate = new();
    private TimeSpan _elapsed;
    private EpochReport? _pending;
    private long _lastWrite;
    private bool _written, _lineOpen, _completed;
    private readonly int _tenth;
    private readonly TimeSpan? _refreshInterval;
    private int _drawnLength, _nextMilestone;

    /// <summary>Progress of a run of <paramref name="totalEpochs"/> epochs on <see cref="Console.Out"/>: redrawn on a terminal, plain lines when the output is redirected.</summary>
    /// <param name="totalEpochs">The epochs the run is set for (<see cref="TrainingOptions.Epochs"/>).</param>
    public ConsoleProgress(int totalEpochs)
        : this(totalEpochs, Console.Out, redraw: !Console.IsOutputRedirected, TimeProvider.System, TerminalWidth())
    {
    }

    /// <summary>Progress written to <paramref name="output"/>, paced by <paramref name="clock"/>.</summary>
    /// <param name="totalEpochs">The epochs the run is set for (<see cref="TrainingOptions.Epochs"/>).</param>
    /// <param name="output">Where to write.</param>
    /// <param name="redraw">true to redraw one line with a carriage return (a terminal); false for one line per report written.</param>
    /// <param name="clock">The clock that paces the output; null for the system clock.</param>
    /// <param name="width">In redraw mode, cut lines to this many characters (the terminal's width); null not to cut.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalEpochs"/> is less than 1, or <paramref name="width"/> is less than 20.</exception>
    public ConsoleProgress(int totalEpochs, TextWriter output, bool redraw, TimeProvider? clock = null, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalEpochs, 1);
        if (width is < 20) throw new ArgumentOutOfRangeException(nameof(width), width, "The line width must be at least 20 characters (or null for no limit).");
        TotalEpochs = totalEpochs;
        _output = output;
        Redraw = redraw;
        _clock = clock ?? TimeProvider.System;
        _width = width;
        _tenth = Math.Max(1, totalEpochs / 10);
        _nextMilestone = _tenth;
    }

    /// <summary>The epochs the run is set for.</summary>
    public int TotalEpochs { get; }

    /// <summary>Whether the line is redrawn in place (a terminal) rather than written as plain lines.</summary>
    public bool Redraw { get; }

    /// <summary>
    /// The least time between two writes: between redraws on a terminal (default 100 ms), or between lines that are
    /// not at a tenth of the run when redirected (default 5 s).
    /// </summary>
    public TimeSpan RefreshInterval
    {
        get => _refreshInterval ?? (Redraw ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5));
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _refreshInterval = value;
        }
    }

    /// <summary>Takes one epoch's report and writes it if it is due.</summary>
    /// <param name="value">The report of the epoch just completed.</param>
    public void Report(EpochReport value)
    {
        lock (_gate)
        {
            if (_completed) return;
            _elapsed += value.Elapsed;
            long now = _clock.GetTimestamp();
            bool last = value.Epoch >= TotalEpochs;
            bool due = !_written || last || _clock.GetElapsedTime(_lastWrite, now) >= RefreshInterval
                || (!Redraw && value.Epoch >= _nextMilestone);
            if (!due)
            {
                _pending = value;
                return;
            }

            Write(value, now);
            if (last) EndLine();
        }
    }

    /// <summary>
    /// Writes the last report if it was held back (a run that stopped early) and ends the redrawn line. Later reports are
    /// ignored. Called by <see cref="Dispose"/>.
    /// </summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_completed) return;
            if (_pending is { } pending) Write(pending, _clock.GetTimestamp());
            EndLine();
            _completed = true;
        }
    }

    /// <summary>Same as <see cref="Complete"/>.</summary>
    public void Dispose() => Complete();

    /// <summary>The progress line of <paramref name="report"/>, after <paramref name="elapsed"/> of training in all.</summary>
    /// <param name="report">An epoch's report.</param>
    /// <param name="totalEpochs">The epochs the run is set for.</param>
    /// <param name="elapsed">Training time up to and including this epoch.</param>
    /// <returns>For example <c>epoch  120/4000  loss 0.1234  val 0.1301  acc 95.0%  η 0.01  elapsed 0:01.2  ETA 0:38.5</c>.</returns>
    public static string Format(EpochReport report, int totalEpochs, TimeSpan elapsed)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        int digits = totalEpochs.ToString(c).Length;
        var line = new System.Text.StringBuilder();
        line.Append(c, $"epoch {report.Epoch.ToString(c).PadLeft(digits)}/{totalEpochs}  loss {report.TrainingLoss:G4}");
        if (report.ValidationLoss is double validation) line.Append(c, $"  val {validation:G4}");
        if (report.ValidationAccuracy is double accuracy) line.Append(c, $"  acc {accuracy * 100:F1}%");
        line.Append(c, $"  η {report.LearningRate:G4}  elapsed {Duration(elapsed)}");
        int left = Math.Max(0, totalEpochs - report.Epoch);
        if (left > 0 && report.Epoch > 0) line.Append("  ETA ").Append(Duration(elapsed / report.Epoch * left));
        return line.ToString();
    }

    private void Write(EpochReport report, long now)
    {
        string line = Format(report, TotalEpochs, _elapsed);
        if (Redraw)
        {
            if (_width is int width && line.Length > width - 1) line = line[..(width - 1)].TrimEnd();
            // Back to the start of the line; spaces clear what a longer previous line left.
            _output.Write('\r');
            _output.Write(line);
            if (_drawnLength > line.Length) _output.Write(new string(' ', _drawnLength - line.Length));
            _drawnLength = line.Length;
            _lineOpen = true;
        }
        else
        {
            _output.WriteLine(line);
        }

        _output.Flush();
        _written = true;
        _lastWrite = now;
        _pending = null;
        while (_nextMilestone <= report.Epoch) _nextMilestone += _tenth;
    }

    private void EndLine()
    {
        _pending = null;
        if (!_lineOpen) return;
        _output.WriteLine();
        _output.Flush();
        _lineOpen = false;
        _drawnLength = 0;
    }

    private static string Duration(TimeSpan time) =>
        time.TotalHours >= 1
            ? $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}"
            : string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes}:{time.Seconds:00}.{time.Milliseconds / 100}");

    private static int? TerminalWidth()
    {
        if (Console.IsOutputRedirected) return null;
        try
        {
            int width = Console.WindowWidth;
            return width >= 20 ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
