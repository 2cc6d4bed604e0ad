using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

public class ConsoleProgressTests
{
    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private static EpochReport Epoch(int epoch, double? validation = null, double? accuracy = null) =>
        new(epoch, 1.0 / epoch, validation, 0.05, TimeSpan.FromMilliseconds(10)) { ValidationAccuracy = accuracy };

    [Fact]
    public void A_line_shows_the_epoch_losses_accuracy_rate_elapsed_and_eta()
    {
        string line = ConsoleProgress.Format(Epoch(20, validation: 0.0612345, accuracy: 0.95), totalEpochs: 200, TimeSpan.FromSeconds(2));

        Assert.Equal("epoch  20/200  loss 0.05  val 0.06123  acc 95.0%  η 0.05  elapsed 0:02.0  ETA 0:18.0", line);
    }

    [Fact]
    public void The_last_epoch_has_no_eta_and_a_run_without_validation_no_val_or_acc()
    {
        Assert.Equal("epoch 4/4  loss 0.25  η 0.05  elapsed 1:05.5", ConsoleProgress.Format(Epoch(4), 4, TimeSpan.FromSeconds(65.5)));
    }

    [Fact]
    public void Redirected_it_writes_the_first_epoch_every_tenth_and_the_last_as_plain_lines()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        using (var progress = new ConsoleProgress(100, output, redraw: false, clock))
        {
            for (int epoch = 1; epoch <= 100; epoch++)
            {
                progress.Report(Epoch(epoch));
                clock.Advance(TimeSpan.FromMilliseconds(10));
            }
        }

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], lines.Select(EpochOf));
        Assert.Equal("epoch   1/100  loss 1  η 0.05  elapsed 0:00.0  ETA 0:00.9", lines[0]);
        Assert.Equal("epoch 100/100  loss 0.01  η 0.05  elapsed 0:01.0", lines[^1]);
        Assert.DoesNotContain('\r', output.ToString());
    }

    [Fact]
    public void Redirected_a_slow_run_also_writes_a_line_each_refresh_interval()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        var progress = new ConsoleProgress(1000, output, redraw: false, clock) { RefreshInterval = TimeSpan.FromSeconds(5) };
        for (int epoch = 1; epoch <= 30; epoch++)
        {
            clock.Advance(TimeSpan.FromSeconds(2)); // 2 s per epoch: a line every third epoch, after 6 s
            progress.Report(Epoch(epoch));
        }

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([1, 4, 7, 10, 13, 16, 19, 22, 25, 28], lines.Select(EpochOf));
    }

    [Fact]
    public void On_a_terminal_it_redraws_one_line_at_most_once_per_interval_and_always_draws_the_last_epoch()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        var progress = new ConsoleProgress(1000, output, redraw: true, clock) { RefreshInterval = TimeSpan.FromMilliseconds(100) };
        for (int epoch = 1; epoch <= 1000; epoch++)
        {
            progress.Report(Epoch(epoch));
            clock.Advance(TimeSpan.FromMilliseconds(3)); // 1000 epochs in 3 s: about 30 redraws, not 1000
        }

        string text = output.ToString();
        string[] draws = text.Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(draws.Length, 25, 35);
        Assert.Equal(1, EpochOf(draws[0]));
        Assert.StartsWith("epoch 1000/1000  loss 0.001", draws[^1]);
        Assert.EndsWith(Environment.NewLine, text);
        Assert.Single(text.Split(Environment.NewLine)[..^1]); // one line on screen, ended once
    }

    [Fact]
    public void A_redraw_shorter_than_the_line_before_blanks_the_rest()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress(10, output, redraw: true, new ManualClock()) { RefreshInterval = TimeSpan.Zero };
        progress.Report(Epoch(1, validation: 0.5, accuracy: 0.5));
        progress.Report(Epoch(2));

        string[] draws = output.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(draws[0].Length, draws[1].Length);
        Assert.EndsWith("  ", draws[1]);
    }

    [Fact]
    public void A_run_that_stops_early_shows_its_last_epoch_when_completed()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress(100, output, redraw: false, new ManualClock());
        for (int epoch = 1; epoch <= 37; epoch++) progress.Report(Epoch(epoch)); // early stopping after epoch 37

        progress.Complete();
        progress.Report(Epoch(38)); // ignored once complete

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([1, 10, 20, 30, 37], lines.Select(EpochOf));
    }

    [Fact]
    public void Lines_are_cut_to_the_terminal_width()
    {
        var output = new StringWriter();
        using (var progress = new ConsoleProgress(10, output, redraw: true, new ManualClock(), width: 30)) progress.Report(Epoch(1));

        Assert.Equal("\repoch  1/10  loss 1  η 0.05" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void It_reports_through_the_trainer()
    {
        var output = new StringWriter();
        using (var progress = new ConsoleProgress(50, output, redraw: false, new ManualClock()))
        {
            NetworkTrainer.Train(new XorNet(), XorData.Samples(), new TrainingOptions { Epochs = 50, BatchSize = 4, LearningRate = 2f, Seed = 1, Progress = progress });
        }

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50], lines.Select(EpochOf));
    }

    /// <summary>The epoch number of a progress line ("epoch  20/200 …" → 20).</summary>
    private static int EpochOf(string line) => int.Parse(line["epoch ".Length..line.IndexOf('/')].Trim());
}
