// Publication dates as an Arabic reader expects them: the Gregorian date and time, and beside it the Hijri date of
// the Umm al-Qura calendar (the one Saudi Arabia publishes), both in the reader's time zone so they name the same day.

const gregorian = new Intl.DateTimeFormat("ar-EG", { dateStyle: "long", timeStyle: "short" });
const hijri = new Intl.DateTimeFormat("ar-EG-u-ca-islamic-umalqura", { day: "numeric", month: "long", year: "numeric" });

/** A <time> holding both dates, machine-readable through its datetime attribute; null for a missing or bad date. */
export function publicationTime(iso) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return null;
  const time = document.createElement("time");
  time.dateTime = iso;
  time.append(gregorian.format(date));
  const hijriDate = document.createElement("span");
  hijriDate.className = "hijri";
  hijriDate.textContent = hijri.format(date);
  time.append(" ", hijriDate);
  return time;
}
