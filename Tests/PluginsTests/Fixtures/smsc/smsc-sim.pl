#!/usr/bin/perl
# SMSC simulator for Hub's SMPP client tests, built on Debian's Net::SMPP (libnet-smpp-perl),
# so the peer's PDU encoding and decoding is not our own code.
#
# Listens on 127.0.0.1 (port 0 = a free port; the chosen port is printed as "LISTENING <port>"),
# serves one session at a time and appends one line per event to --log:
#   <time> submit seq=.. src=.. dst=.. esm=0x.. dcs=0x.. regdel=.. sm=<hex> payload=<hex> outstanding=.. status=0x.. msgid=..
#   <time> bind ..., enquire_link ..., deliver_sm_resp ..., unbind, connect, disconnect
# Options shape the behaviour a test needs (see GetOptions below).
use strict;
use warnings;
use Net::SMPP;
use IO::Select;
use Getopt::Long;
use Time::HiRes qw(time);
use POSIX qw(strftime sigprocmask SIG_UNBLOCK SIGTERM SIGINT SIGHUP);

my %opt = (
    'system-id' => 'hub', password => 'hubpw', 'resp-delay-ms' => 0, throttle => 0, 'queue-full' => 0,
    'drop-after' => 0, 'enquire-ms' => 0,
);
my (@reject, @dlr_stat, @mo);
GetOptions(
    \%opt, 'log=s', 'system-id=s', 'password=s',
    'resp-delay-ms=i',   # delay every submit_sm_resp (so requests stay outstanding)
    'throttle=i',        # answer the first N submit_sm with ESME_RTHROTTLED (0x58)
    'queue-full=i',      # answer the next N submit_sm with ESME_RMSGQFUL (0x14)
    'reject=s' => \@reject,       # DEST=STATUS: submit_sm to DEST answered with STATUS (hex ok)
    'dlr-stat=s' => \@dlr_stat,   # DEST=STAT: receipt stat for DEST (default DELIVRD)
    'no-dlr',                     # never send receipts
    'mo=s' => \@mo,               # from,to,dcs,esm,hex[,payload]: deliver_sm sent after each bind
    'ignore-enquire',             # never answer enquire_link
    'drop-after=i',               # close the session on the Nth submit_sm (once), unanswered
    'enquire-ms=i',               # send enquire_link to the client this often
) or die "bad options\n";
die "--log is required\n" unless $opt{log};

# A parent that blocks signals (the Swift test runner does) passes its mask on: unblock them so SIGTERM
# works, and also exit when stdin (a pipe from the test) closes, so a killed test leaves nothing behind.
sigprocmask(SIG_UNBLOCK, POSIX::SigSet->new(SIGTERM, SIGINT, SIGHUP));
sub check_parent {
    my $buf;
    my $n = sysread(STDIN, $buf, 1024);
    exit 0 if defined $n && $n == 0;
}

my %reject = map { my ($d, $s) = split /=/, $_, 2; ($d => ($s =~ /^0x/i ? hex($s) : $s)) } @reject;
my %dlr_stat = map { split /=/, $_, 2 } @dlr_stat;

open(my $log, '>>', $opt{log}) or die "cannot open log: $!\n";
$log->autoflush(1);
sub logline { printf $log "%.3f %s\n", time(), join(' ', @_); }

my $listen = Net::SMPP->new_listen('127.0.0.1', port => 0, smpp_version => 0x34, listen => 5, timeout => 600)
    or die "cannot listen: $!\n";
$| = 1;
print "LISTENING ", $listen->sockport, "\n";
logline("listening port=" . $listen->sockport);

my $next_id = 1000;
my $submits = 0;
my $dropped = 0;
my $sessions = 0;

my $accept_select = IO::Select->new($listen, \*STDIN);
while (1) {
    my @ready = $accept_select->can_read(1);
    check_parent() if grep { $_ == \*STDIN } @ready;
    next unless grep { $_ == $listen } @ready;
    my $c = $listen->accept or next;
    $sessions++;
    logline("connect n=$sessions");
    session($c);
    logline("disconnect n=$sessions");
    close $c;
}

sub session {
    my ($c) = @_;
    my $select = IO::Select->new($c, \*STDIN);
    my @pending;    # [due, seq, status, msgid, submit pdu]
    my $bound = 0;
    my $next_enquire = $opt{'enquire-ms'} ? time() + $opt{'enquire-ms'} / 1000 : 0;
    while (1) {
        my $now = time();
        while (@pending && $pending[0][0] <= $now) {
            my $p = shift @pending;
            answer_submit($c, @$p[1 .. 4]);
        }
        if ($next_enquire && $bound && $now >= $next_enquire) {
            my $seq = $c->enquire_link(async => 1);
            logline("enquire_link_sent seq=$seq");
            $next_enquire = $now + $opt{'enquire-ms'} / 1000;
        }
        my @due = grep { $_ } (@pending ? $pending[0][0] : 0), $next_enquire;
        my $wait = @due ? (sort { $a <=> $b } @due)[0] - time() : 1;
        $wait = 0 if $wait < 0;
        my @ready = $select->can_read($wait);
        check_parent() if grep { $_ == \*STDIN } @ready;
        next unless grep { $_ == $c } @ready;
        my $pdu = $c->read_pdu() or return;
        my $cmd = $pdu->{cmd};
        if ($cmd == 0x00000009 || $cmd == 0x00000001 || $cmd == 0x00000002) {
            my $ok = ($pdu->{system_id} // '') eq $opt{'system-id'} && ($pdu->{password} // '') eq $opt{password};
            my $status = $ok ? 0 : 0x0E;
            logline(sprintf("bind cmd=0x%08x system_id=%s password=%s version=0x%02x status=0x%02x",
                $cmd, $pdu->{system_id} // '', $pdu->{password} // '', $pdu->{interface_version} // 0, $status));
            my $resp = { 0x00000009 => 'bind_transceiver_resp', 0x00000001 => 'bind_receiver_resp',
                0x00000002 => 'bind_transmitter_resp' }->{$cmd};
            $c->$resp(system_id => 'SIMSMSC', seq => $pdu->{seq}, status => $status);
            next unless $ok;
            $bound = 1;
            send_mo($c, $_) for @mo;
        } elsif ($cmd == 0x00000004) {
            $submits++;
            if ($opt{'drop-after'} && !$dropped && $submits == $opt{'drop-after'}) {
                $dropped = 1;
                logline("drop seq=$pdu->{seq} dst=$pdu->{destination_addr}");
                return;
            }
            my $status = 0;
            if ($opt{throttle} > 0) { $opt{throttle}--; $status = 0x58; }
            elsif ($opt{'queue-full'} > 0) { $opt{'queue-full'}--; $status = 0x14; }
            elsif (exists $reject{$pdu->{destination_addr}}) { $status = $reject{$pdu->{destination_addr}}; }
            my $msgid = $status ? '' : $next_id++;
            logline(sprintf("submit seq=%d src=%s dst=%s esm=0x%02x dcs=0x%02x regdel=%d sm=%s payload=%s outstanding=%d status=0x%02x msgid=%s",
                $pdu->{seq}, $pdu->{source_addr}, $pdu->{destination_addr}, $pdu->{esm_class}, $pdu->{data_coding},
                $pdu->{registered_delivery}, unpack('H*', $pdu->{short_message} // ''),
                unpack('H*', $pdu->{message_payload} // ''), scalar(@pending) + 1, $status, $msgid));
            push @pending, [time() + $opt{'resp-delay-ms'} / 1000, $pdu->{seq}, $status, $msgid, $pdu];
        } elsif ($cmd == 0x00000015) {
            logline("enquire_link seq=$pdu->{seq}" . ($opt{'ignore-enquire'} ? ' ignored' : ''));
            $c->enquire_link_resp(seq => $pdu->{seq}) unless $opt{'ignore-enquire'};
        } elsif ($cmd == 0x80000015) {
            logline("enquire_link_resp seq=$pdu->{seq}");
        } elsif ($cmd == 0x80000005) {
            logline(sprintf("deliver_sm_resp seq=%d status=0x%02x", $pdu->{seq}, $pdu->{status}));
        } elsif ($cmd == 0x00000006) {
            logline("unbind seq=$pdu->{seq}");
            $c->unbind_resp(seq => $pdu->{seq});
            return;
        } else {
            logline(sprintf("unknown cmd=0x%08x seq=%d", $cmd, $pdu->{seq}));
            $c->generic_nack(seq => $pdu->{seq}, status => 0x03);
        }
    }
}

sub answer_submit {
    my ($c, $seq, $status, $msgid, $pdu) = @_;
    $c->submit_sm_resp(message_id => $msgid, seq => $seq, status => $status);
    return if $status || $opt{'no-dlr'} || !(($pdu->{registered_delivery} // 0) & 1);
    my $stat = $dlr_stat{$pdu->{destination_addr}} // 'DELIVRD';
    my $date = strftime('%y%m%d%H%M', gmtime());
    my $text = '';
    if (($pdu->{data_coding} // 0) == 0 && !(($pdu->{esm_class} // 0) & 0x40)) {
        $text = substr($pdu->{short_message} // '', 0, 20);
    }
    my $receipt = "id:$msgid sub:001 dlvrd:" . ($stat eq 'DELIVRD' ? '001' : '000')
        . " submit date:$date done date:$date stat:$stat err:" . ($stat eq 'DELIVRD' ? '000' : '001') . " text:$text";
    my $state = { DELIVRD => 2, EXPIRED => 3, DELETED => 4, UNDELIV => 5, ACCEPTD => 6, UNKNOWN => 7, REJECTD => 8 }->{$stat} // 7;
    my $dseq = $c->deliver_sm(
        source_addr => $pdu->{destination_addr}, destination_addr => $pdu->{source_addr},
        esm_class => 0x04, data_coding => 0, short_message => $receipt,
        receipted_message_id => "$msgid\0", message_state => pack('C', $state), async => 1);
    logline("receipt_sent seq=$dseq msgid=$msgid stat=$stat");
}

sub send_mo {
    my ($c, $spec) = @_;
    my ($from, $to, $dcs, $esm, $hex, $how) = split /,/, $spec;
    my $bytes = pack('H*', $hex);
    my @body = ($how // '') eq 'payload' ? (short_message => '', message_payload => $bytes) : (short_message => $bytes);
    my $seq = $c->deliver_sm(source_addr_ton => 1, source_addr_npi => 1, source_addr => $from,
        dest_addr_ton => 1, dest_addr_npi => 1, destination_addr => $to,
        esm_class => hex($esm), data_coding => hex($dcs), @body, async => 1);
    logline("mo_sent seq=$seq from=$from to=$to");
}
