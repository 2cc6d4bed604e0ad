using Backprop.Schedules;
using Xunit;

namespace Backprop.Trainer.Tests.Schedules;

public class ScheduleTests
{
    [Fact]
    public void Schedules_give_their_formulas()
    {
        Assert.Equal(0.5f, new ConstantSchedule().LearningRate(0.5f, 100));
        Assert.Equal(1f, new StepDecay(10, 0.5f).LearningRate(1f, 9));
        Assert.Equal(0.5f, new StepDecay(10, 0.5f).LearningRate(1f, 10));
        Assert.Equal(0.25f, new StepDecay(10, 0.5f).LearningRate(1f, 25));
        Assert.Equal(0.81f, new ExponentialDecay(0.9f).LearningRate(1f, 2), 6);
        Assert.Equal(0.25f, new InverseTimeDecay(0.5f).LearningRate(1f, 6), 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(0, 0.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(1.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InverseTimeDecay(-1f));
    }

    [Fact]
    public void Decays_fall_monotonically_from_the_base_rate()
    {
        ILearningRateSchedule[] schedules = [new StepDecay(3, 0.5f), new ExponentialDecay(0.95f), new InverseTimeDecay(0.1f)];
        foreach (ILearningRateSchedule schedule in schedules)
        {
            Assert.Equal(0.2f, schedule.LearningRate(0.2f, 0));
            for (int epoch = 1; epoch < 50; epoch++)
                Assert.True(schedule.LearningRate(0.2f, epoch) <= schedule.LearningRate(0.2f, epoch - 1), $"{schedule.GetType().Name} rose at epoch {epoch}");
            Assert.True(schedule.LearningRate(0.2f, 49) < 0.2f);
        }
    }
}
