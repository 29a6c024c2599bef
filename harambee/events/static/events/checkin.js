/* Check-in, enhanced: read a badge's QR code with the camera through the browser's own BarcodeDetector
   and submit the check-in form with it (one POST, as when the code is typed). Where the browser has no
   BarcodeDetector or no camera, nothing changes: the typed form stays. No library, nothing downloaded.
   After a scanned check-in the camera starts again by itself (sessionStorage), for the next badge; it
   passes over the badge it has just read (still in front of it) for the same session. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-scan]");
  if (!form || !("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var start = form.querySelector("[data-scan-start]");
  var video = form.querySelector("[data-scan-video]");
  var failed = form.querySelector("[data-scan-failed]");
  var input = form.querySelector("input[name=code]");
  var KEY = "harambee-checkin-scan";
  var session = form.querySelector("select[name=session]");
  function remembered() {
    try { return sessionStorage.getItem(KEY) || ""; } catch (e) { return ""; }
  }
  window.BarcodeDetector.getSupportedFormats().then(function (formats) {
    if (formats.indexOf("qr_code") < 0) return;
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    start.hidden = false;
    function scan() {
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (stream) {
        var done = false;
        video.srcObject = stream;
        video.hidden = false;
        start.hidden = true;
        video.play();
        function stop() { stream.getTracks().forEach(function (track) { track.stop(); }); }
        function look() {
          if (done) return;
          detector.detect(video).then(function (codes) {
            var read = codes.length ? codes[0].rawValue : "";
            var seen = session.value + " " + read;
            if (read && seen !== remembered()) {
              done = true;
              input.value = read;
              stop();
              try { sessionStorage.setItem(KEY, seen); } catch (e) { /* private mode: start by hand */ }
              form.submit();
            } else {
              setTimeout(look, 200);
            }
          }).catch(function () { setTimeout(look, 500); });
        }
        look();
        input.addEventListener("input", function () { done = true; stop(); video.hidden = true; start.hidden = false; });
      }).catch(function () {
        start.hidden = true;
        failed.hidden = false;
        try { sessionStorage.removeItem(KEY); } catch (e) { /* nothing to forget */ }
      });
    }
    start.addEventListener("click", scan);
    if (remembered()) scan();
  });
  form.addEventListener("submit", function () {
    try { sessionStorage.removeItem(KEY); } catch (e) { /* nothing to forget */ }
  });
})();
