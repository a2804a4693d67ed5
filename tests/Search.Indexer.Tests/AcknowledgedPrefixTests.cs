using Search.Indexer.Push;

namespace Search.Indexer.Tests;

/// <summary>The leading records of a push that a later run may skip.</summary>
public sealed class AcknowledgedPrefixTests
{
    [Fact]
    public void Problems_read_outside_any_batch_are_done_at_once()
    {
        var prefix = new AcknowledgedPrefix();

        prefix.Read(1);
        prefix.Read(2);

        Assert.Equal(2, prefix.Value);
    }

    [Fact]
    public void The_batch_being_filled_holds_the_prefix_before_its_first_record()
    {
        var prefix = new AcknowledgedPrefix();
        prefix.Read(1);
        prefix.Waiting(2);
        prefix.Read(2);
        prefix.Read(3);

        Assert.Equal(1, prefix.Value);
    }

    [Fact]
    public void A_later_batch_acknowledged_first_does_not_move_the_prefix_past_an_earlier_one_in_flight()
    {
        // Records 1-2 in batch A, 3 a problem, 4-5 in batch B, 6-7 in batch C (being filled).
        var prefix = new AcknowledgedPrefix();
        prefix.Waiting(1);
        prefix.Read(2);
        prefix.Read(3);
        prefix.Waiting(4);
        prefix.Read(5);
        prefix.Waiting(6);
        prefix.Read(7);

        prefix.Acknowledged(4);
        Assert.Equal(0, prefix.Value);

        prefix.Acknowledged(1);
        Assert.Equal(5, prefix.Value);

        prefix.Acknowledged(6);
        Assert.Equal(7, prefix.Value);
    }
}
