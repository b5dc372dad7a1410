// pure: the recap a lesson ends with (its own, or the table's for the lessons written before recaps).
export { recapOf, RECAPS } from '../../lessons/recaps';
