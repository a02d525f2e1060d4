// Reload the [data-live] part of an admin page at its interval, with the same URL.
document.querySelectorAll("[data-live]").forEach((live) => {
  const refresh = async () => {
    const response = await fetch(window.location.href, { credentials: "same-origin" });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.querySelector("[data-live]");
    if (fresh) live.innerHTML = fresh.innerHTML;
  };
  setInterval(refresh, Number(live.dataset.liveInterval));
});
